package org.rhip.synthetic.model;

import java.util.List;

/**
 * One resident's life in the period as a stream of events in time order, and the babies she bore in
 * it (each with their own history). The unit the model hands to its sinks, in resident order.
 */
public record PersonHistory(Person person, List<LifeEvent> events, List<PersonHistory> children) {

	PersonHistory withPerson(Person other) {
		return new PersonHistory(other, events, children);
	}

}
