package org.rhip.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.rhip.person.PersonApi;
import org.rhip.person.ReviewItem;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.platform.problem.NotFound;
import org.rhip.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The linkage review queue (疑似重复审核): records that probabilistic matching could neither link nor
 * rule out, filed under a new person until someone decides. An item shows the two persons side by
 * side, masked, with the matcher's per-field agreement, and takes the decision; after it the next
 * open item follows.
 */
@Controller
class ReviewController {

	/** Items of the queue shown at most. */
	static final int QUEUE_ROWS = 200;

	/** An open item in the queue. */
	public record QueueRow(long id, long personId, long candidateId, String score, String createdAt) {
	}

	/**
	 * One line of the side-by-side comparison: the field, each person's value (masked), and what the
	 * matcher found for it ({@code agreement} empty when the item's weights say nothing of the field).
	 */
	public record FieldRow(String field, String label, String left, String right, String agreement, String level,
			String weight) {
	}

	/** The identity fields compared, in page order, with the weight keys that speak of each. */
	private static final Map<String, List<String>> FIELDS = fields();

	private final PersonApi persons;

	private final PersonPages pages;

	ReviewController(PersonApi persons, PersonPages pages) {
		this.persons = persons;
		this.pages = pages;
	}

	@GetMapping("/persons/review")
	String queue(Model model, Locale locale) {
		model.addAttribute("items", persons.reviewQueue(QUEUE_ROWS).stream()
			.map(i -> new QueueRow(i.id(), i.personId(), i.candidateId(), PersonPages.score(i.score()),
					SurveillancePages.time(i.createdAt())))
			.toList());
		return "persons-review";
	}

	@GetMapping("/persons/review/{id:\\d+}")
	String item(@PathVariable long id, Model model, Locale locale) {
		fill(model, item(id), locale);
		return "persons-review-item";
	}

	@PostMapping("/persons/review/{id:\\d+}")
	String decide(@PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String note, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		ReviewItem item = item(id);
		try {
			if (!"same".equals(decision) && !"different".equals(decision)) {
				throw new InvalidInput("review.decision", "decision", "decide: the same person or different persons");
			}
			String text = note == null || note.isBlank() ? null : note.strip();
			persons.decide(id, "same".equals(decision), text);
			redirect.addFlashAttribute("decided", id);
			redirect.addFlashAttribute("decision", decision);
			redirect.addFlashAttribute("decidedPerson", "same".equals(decision) ? item.candidateId() : item.personId());
			return persons.reviewQueue(1).stream()
				.findFirst()
				.map(next -> "redirect:/persons/review/" + next.id())
				.orElse("redirect:/persons/review");
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("decisionError", pages.problem(ex, locale));
			model.addAttribute("decisionTyped", decision == null ? "" : decision);
			model.addAttribute("noteTyped", note == null ? "" : note);
			fill(model, persons.reviewItem(id).orElse(item), locale);
			return "persons-review-item";
		}
	}

	private ReviewItem item(long id) {
		return persons.reviewItem(id).orElseThrow(() -> new NotFound("review", "no review item " + id));
	}

	private void fill(Model model, ReviewItem item, Locale locale) {
		String what = "review " + item.id();
		PersonPages.PersonRow left = pages.row(persons.person(item.personId(), what), locale);
		PersonPages.PersonRow right = pages.row(persons.person(item.candidateId(), what), locale);
		model.addAttribute("item", item);
		model.addAttribute("score", PersonPages.score(item.score()));
		model.addAttribute("left", left);
		model.addAttribute("right", right);
		model.addAttribute("fields", fieldRows(left, right, pages.comparisons(item.weights(), locale), locale));
		model.addAttribute("leftSources", persons.sources(left.id()).stream().map(s -> pages.source(s, locale)).toList());
		model.addAttribute("rightSources", persons.sources(right.id()).stream().map(s -> pages.source(s, locale)).toList());
		model.addAttribute("open", "open".equals(item.status()));
		model.addAttribute("decidedAt", item.decidedAt() == null ? "" : SurveillancePages.time(item.decidedAt()));
		model.addAttribute("mayDecide", CurrentUser.require().role().mayWriteRecords());
		if (!model.containsAttribute("decisionTyped")) {
			model.addAttribute("decisionTyped", "");
			model.addAttribute("noteTyped", "");
		}
	}

	/**
	 * The identity fields side by side, each marked with what the weights say of it; weights of
	 * fields the page does not show as identity (whatever the matcher adds) follow as lines of their own.
	 */
	List<FieldRow> fieldRows(PersonPages.PersonRow left, PersonPages.PersonRow right,
			List<PersonPages.Comparison> comparisons, Locale locale) {
		Map<String, PersonPages.Comparison> byKey = new LinkedHashMap<>();
		comparisons.forEach(c -> byKey.put(PersonPages.fieldKey(c.field()), c));
		List<FieldRow> rows = new ArrayList<>();
		FIELDS.forEach((field, keys) -> {
			PersonPages.Comparison c = keys.stream().map(byKey::remove).filter(x -> x != null).findFirst().orElse(null);
			rows.add(new FieldRow(field, pages.label("review.field." + PersonPages.fieldKey(field), locale), value(left, field), value(right, field), c == null ? "" : c.agreement(),
					c == null ? "" : c.levelLabel(), c == null ? "" : c.weight()));
		});
		byKey.values().forEach(c -> rows.add(new FieldRow(c.field(), c.fieldLabel(), "", "", c.agreement(),
				c.levelLabel(), c.weight())));
		return rows;
	}

	private static String value(PersonPages.PersonRow p, String field) {
		return switch (field) {
			case "idNumber" -> p.idNumber();
			case "name" -> p.name();
			case "sex" -> p.sex();
			case "birthDate" -> p.birthDate();
			case "phone" -> p.phone();
			case "address" -> p.place();
			default -> "";
		};
	}

	/** Weight keys compared as {@link PersonPages#fieldKey}: any spelling of a field finds its line. */
	private static Map<String, List<String>> fields() {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		fields.put("idNumber", List.of("idnumber"));
		fields.put("name", List.of("name"));
		fields.put("sex", List.of("sex", "gender"));
		fields.put("birthDate", List.of("birthdate", "birth"));
		fields.put("phone", List.of("phone"));
		fields.put("address", List.of("address", "orgunitcode", "orgunit", "place"));
		return fields;
	}

}
