package org.rhip.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every console page needs besides its own model, used from the templates as {@code @view}:
 * the signed-in user, the language, and numbers, dates and names the way the reader's language
 * writes them (Chinese: {@code 2025年3月1日 14:05}).
 */
@Component("view")
public class ConsoleView {

	private final MessageSource messages;

	private final Clock clock = Clock.systemDefaultZone();

	ConsoleView(MessageSource messages) {
		this.messages = messages;
	}

	/** True when the page is shown in English. */
	public boolean en() {
		return isEnglish(LocaleContextHolder.getLocale());
	}

	static boolean isEnglish(Locale locale) {
		return "en".equals(locale.getLanguage());
	}

	/** The signed-in user, or null on the login and error pages. */
	public RhipPrincipal me() {
		return CurrentUser.get().orElse(null);
	}

	public boolean admin() {
		return CurrentUser.get().map(p -> p.role() == Role.ADMIN).orElse(false);
	}

	public boolean mayEnter() {
		return CurrentUser.get().map(RhipPrincipal::mayEnterData).orElse(false);
	}

	/** May upload records for import (roles that write records). */
	public boolean mayImport() {
		return CurrentUser.get().map(p -> p.role().mayWriteRecords()).orElse(false);
	}

	/** The Chinese text, or the English one when the page is English and there is one. */
	public String name(String zh, String en) {
		return en() && en != null && !en.isBlank() ? en : zh;
	}

	/** The current page again, in another language ({@code zh-CN} or {@code en}). */
	public String langUrl(String lang) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return "/?lang=" + lang;
		}
		HttpServletRequest request = attributes.getRequest();
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (errorUri != null) {
			return errorUri + "?lang=" + lang;
		}
		String query = request.getQueryString();
		return UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
			.replaceQueryParam(WebConfiguration.LANG_PARAM, lang)
			.build()
			.toUriString();
	}

	static String plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

	/** Now, as the reader's language writes date and time (2025年3月1日 14:05:09). */
	public String now() {
		return LocalDateTime.now(clock)
			.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()));
	}

	/** Where values come from, in words: "entry/demo" → "填报/演示数据". */
	public String sources(String keys) {
		if (keys == null || keys.isBlank()) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		return Arrays.stream(keys.split("/"))
			.map(key -> messages.getMessage("source." + key, null, key, locale))
			.collect(Collectors.joining(" / "));
	}

	/** The CSS class of a status badge, from a status key such as {@code off_track}. */
	public String statusClass(String statusKey) {
		return "badge status-" + statusKey.replace('_', '-');
	}

}
