package org.rhip.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: Chinese (zh-CN) unless the user chose English with {@code ?lang=en}; the
 * choice is kept in a cookie for a year. The browser's Accept-Language is not consulted.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final String LANG_PARAM = "lang";

	static final String LANG_COOKIE = "rhip-lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(LANG_COOKIE);
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName(LANG_PARAM);
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
