package org.rhip.web;

import java.util.Locale;

import org.rhip.platform.problem.Forbidden;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's pages answer a problem with an HTML page in the reader's language (the JSON API's
 * problem details are for the API and the chart data). Ordered before the platform's handler.
 */
@ControllerAdvice(assignableTypes = { PlanController.class, IndicatorController.class, EntryController.class,
		RegistryController.class, UserAdminController.class, SurveillanceController.class, PersonController.class,
		ReviewController.class, ImportController.class, CareController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleExceptionHandler {

	private final MessageSource messages;

	ConsoleExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ModelAndView notFound(NotFound ex, Locale locale) {
		return page(HttpStatus.NOT_FOUND, messages.getMessage("error.not-found", null, locale), ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidInput ex, Locale locale) {
		return page(HttpStatus.BAD_REQUEST, messages.getMessage("error.bad-request", null, locale), ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView forbidden(Forbidden ex, Locale locale) {
		return page(HttpStatus.FORBIDDEN, messages.getMessage("error.forbidden", null, locale), ex.getMessage());
	}

	private static ModelAndView page(HttpStatus status, String title, String detail) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("title", title);
		page.addObject("message", detail);
		return page;
	}

}
