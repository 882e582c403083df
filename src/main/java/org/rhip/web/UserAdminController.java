package org.rhip.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.rhip.indicator.IndicatorApi;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users (用户管理), for administrators: the list and a form to add one. */
@Controller
class UserAdminController {

	public record Option(String value, String label) {
	}

	private final SecurityApi security;

	private final RegistryApi registry;

	private final IndicatorApi indicators;

	private final MessageSource messages;

	UserAdminController(SecurityApi security, RegistryApi registry, IndicatorApi indicators, MessageSource messages) {
		this.security = security;
		this.registry = registry;
		this.indicators = indicators;
		this.messages = messages;
	}

	@GetMapping("/admin/users")
	String users(Model model, Locale locale) {
		Access.requireAdmin();
		fill(model, Map.of("role", "clerk"), Map.of(), locale);
		return "users";
	}

	@PostMapping("/admin/users")
	String create(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		Access.requireAdmin();
		String username = params.getOrDefault("username", "").strip();
		String displayName = params.getOrDefault("displayName", "").strip();
		String password = params.getOrDefault("password", "");
		String roleKey = params.getOrDefault("role", "");
		String orgUnit = params.getOrDefault("orgUnit", "").strip();
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Role> role = Role.of(roleKey);
		if (role.isEmpty()) {
			errors.put("role", messages.getMessage("problem.user.role", null, locale));
		}
		else {
			try {
				security.createUser(username, displayName, password, role.get(), orgUnit.isEmpty() ? null : orgUnit);
				redirect.addFlashAttribute("created", username);
				return "redirect:/admin/users";
			}
			catch (InvalidInput ex) {
				errors.put(ex.field(), messages.getMessage("problem." + ex.code(), new Object[] { username, orgUnit },
						ex.getMessage(), locale));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		Map<String, String> typed = new LinkedHashMap<>(params);
		typed.remove("password");
		typed.remove("_csrf");
		fill(model, typed, errors, locale);
		return "users";
	}

	private void fill(Model model, Map<String, String> form, Map<String, String> errors, Locale locale) {
		model.addAttribute("users", security.users());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", List.of(Role.values()).stream().map(Role::key).toList());
		model.addAttribute("orgUnits", orgUnits(locale));
	}

	/** The plan regions and the units right below them: where users usually work. */
	private List<Option> orgUnits(Locale locale) {
		Set<String> regions = new LinkedHashSet<>();
		indicators.plans().forEach(p -> regions.add(p.regionCode()));
		boolean en = ConsoleView.isEnglish(locale);
		List<Option> options = new ArrayList<>();
		for (String code : regions) {
			List<OrgUnit> units = new ArrayList<>();
			registry.findOrgUnit(code).ifPresent(units::add);
			units.addAll(registry.children(code));
			for (OrgUnit unit : units) {
				String name = en && unit.nameEn() != null ? unit.nameEn() : unit.name();
				options.add(new Option(unit.code(), (unit.code().equals(code) ? "" : "　") + name + " (" + unit.code() + ")"));
			}
		}
		return options;
	}

}
