package org.rhip.platform.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the typed problems of every module to RFC 7807 problem details for the JSON API. */
@RestControllerAdvice(basePackages = "org.rhip")
class ProblemHandler {

	@ExceptionHandler
	ProblemDetail notFound(NotFound ex) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		detail.setType(URI.create("urn:rhip:problem:" + ex.code()));
		detail.setProperty("code", ex.code());
		return detail;
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidInput ex) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		detail.setType(URI.create("urn:rhip:problem:" + ex.code()));
		detail.setProperty("code", ex.code());
		detail.setProperty("field", ex.field());
		return detail;
	}

	@ExceptionHandler
	ProblemDetail forbidden(Forbidden ex) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		detail.setType(URI.create("urn:rhip:problem:forbidden"));
		detail.setProperty("code", "forbidden");
		detail.setProperty("field", ex.field());
		return detail;
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"the request body is not valid JSON of the expected shape");
		detail.setType(URI.create("urn:rhip:problem:malformed-body"));
		detail.setProperty("code", "malformed-body");
		detail.setProperty("field", "body");
		return detail;
	}

}
