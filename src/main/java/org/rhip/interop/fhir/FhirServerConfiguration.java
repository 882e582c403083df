package org.rhip.interop.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.rhip.record.FhirJson;
import org.rhip.record.RecordApi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's plain RESTful server at {@code /fhir/*}: one resource provider per stored type, a system
 * provider for transaction and batch Bundles, paging by HAPI's in-memory paging provider (next links
 * {@code ?_getpages=…}), JSON by default. Spring Security has authenticated the request before it
 * gets here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class FhirServerConfiguration {

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext fhir, RecordApi records, FhirJson json) {
		RestfulServer server = new RestfulServer(fhir);
		server.setServerName("RHIP");
		server.setServerVersion("0.1");
		server.setImplementationDescription("RHIP 区域全民健康信息平台");
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(200);
		paging.setDefaultPageSize(20);
		paging.setMaximumPageSize(500);
		server.setPagingProvider(paging);
		List<IResourceProvider> providers = Providers.all(records);
		server.setResourceProviders(providers);
		server.registerProvider(new SystemProvider(records));
		server.registerInterceptor(new FhirInterceptor(json));
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}

}
