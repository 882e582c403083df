package org.rhip.indicator;

import java.util.List;

import org.rhip.indicator.catalog.CatalogFileLoader;
import org.rhip.indicator.catalog.CatalogRepository;
import org.rhip.indicator.plan.PlanFileLoader;
import org.rhip.registry.RegistryApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On every start: the bundled registry regions, the indicator catalogue and the five plans are
 * loaded if the database does not have them yet, so every command works on a fresh data directory.
 */
@Component
@Order(10)
class SeedLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	private final RegistryApi registry;

	private final CatalogRepository catalog;

	private final CatalogFileLoader catalogLoader;

	private final PlanFileLoader planLoader;

	SeedLoader(RegistryApi registry, CatalogRepository catalog, CatalogFileLoader catalogLoader,
			PlanFileLoader planLoader) {
		this.registry = registry;
		this.catalog = catalog;
		this.catalogLoader = catalogLoader;
		this.planLoader = planLoader;
	}

	@Override
	public void run(ApplicationArguments args) {
		registry.loadBundledRegions();
		if (catalog.isEmpty()) {
			catalogLoader.loadBundled();
		}
		List<String> loaded = planLoader.loadBundled();
		if (!loaded.isEmpty()) {
			log.info("Loaded plans {}", loaded);
		}
	}

}
