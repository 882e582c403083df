package org.rhip.surveillance.reference;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On every start: the disease list, sentinel sources and syndromes into the database. */
@Component
@Order(20)
class ReferenceLoader implements ApplicationRunner {

	private final ReferenceData reference;

	ReferenceLoader(ReferenceData reference) {
		this.reference = reference;
	}

	@Override
	public void run(ApplicationArguments args) {
		reference.store();
	}

}
