package org.rhip.care;

import java.time.LocalDate;

import org.rhip.person.Person;

/**
 * One service due for one person (待办): the program ({@code hypertension}, {@code diabetes},
 * {@code elderly}, {@code child}, {@code maternal}, {@code smd}, {@code immunization}), the service
 * (an encounter service code, or a vaccine dose such as {@code MMR-1}), when it is due, the last one
 * done, and a note ({@code enrol}, {@code uncontrolled}, {@code refer}, or {@code null}).
 *
 * @param person the person, masked
 */
public record WorkItem(Person person, String program, String service, LocalDate dueDate, LocalDate lastDate, String note,
		boolean overdue) {
}
