package org.rhip.web;

import org.rhip.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the POST of the form and the logout. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return CurrentUser.get().isPresent() ? "redirect:/" : "login";
	}

}
