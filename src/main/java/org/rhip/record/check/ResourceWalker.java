package org.rhip.record.check;

import java.util.List;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildNarrativeDefinition;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * One pass over a resource's elements through HAPI's R4 definitions, with two paths for each: the
 * FHIR path with indexes ({@code Observation.component[1].code}) for messages, and without
 * ({@code Observation.component.code}) for rules. Reports required elements that are missing, and
 * every reference, coding, quantity and date. A contained resource's rule path starts again at its
 * type ({@code Condition.code}).
 */
public final class ResourceWalker {

	/** What the walk reports. */
	public interface Visitor {

		default void missing(String path) {
		}

		default void reference(String path, String rulePath, Reference reference) {
		}

		default void coding(String path, String rulePath, Coding coding) {
		}

		default void quantity(String path, String rulePath, Quantity quantity) {
		}

		default void date(String path, String rulePath, BaseDateTimeType date) {
		}

	}

	private final FhirContext fhir;

	public ResourceWalker(FhirContext fhir) {
		this.fhir = fhir;
	}

	private static String name(BaseRuntimeChildDefinition child, IBase value) {
		String name = child.getChildNameByDatatype(value.getClass());
		return name == null ? child.getElementName() : name;
	}

	public void walk(Resource resource, Visitor visitor) {
		String type = resource.fhirType();
		walk(resource, fhir.getResourceDefinition(resource), type, type, visitor);
	}

	private void walk(IBase element, BaseRuntimeElementCompositeDefinition<?> definition, String path, String rulePath,
			Visitor visitor) {
		for (BaseRuntimeChildDefinition child : definition.getChildrenAndExtension()) {
			if (child instanceof RuntimeChildNarrativeDefinition) {
				continue;
			}
			List<? extends IBase> values = child.getAccessor().getValues(element);
			if (child.getMin() > 0 && values.stream().allMatch(v -> v == null || v.isEmpty())) {
				visitor.missing(path + "." + child.getElementName().replace("[x]", ""));
			}
			if (values.isEmpty()) {
				continue;
			}
			boolean many = child.getMax() != 1;
			for (int i = 0; i < values.size(); i++) {
				IBase value = values.get(i);
				if (value == null || value instanceof Meta) {
					continue;
				}
				if (value instanceof IPrimitiveType<?>) {
					if (value instanceof BaseDateTimeType date && !date.isEmpty()) {
						String name = name(child, value);
						visitor.date(many ? path + "." + name + "[" + i + "]" : path + "." + name, rulePath + "." + name, date);
					}
					continue; // most elements: no path is built for them
				}
				String name = name(child, value);
				String childPath = many ? path + "." + name + "[" + i + "]" : path + "." + name;
				String childRule = rulePath + "." + name;
				if (value instanceof IBaseResource contained) {
					String type = ((Resource) contained).fhirType();
					walk(value, fhir.getResourceDefinition(contained), childPath, type, visitor);
					continue;
				}
				if (value instanceof Reference reference) {
					visitor.reference(childPath, childRule, reference);
				}
				else if (value instanceof Coding coding) {
					visitor.coding(childPath, childRule, coding);
				}
				else if (value instanceof Quantity quantity) {
					visitor.quantity(childPath, childRule, quantity);
				}
				BaseRuntimeElementDefinition<?> childDefinition = child.getChildElementDefinitionByDatatype(value.getClass());
				if (childDefinition == null) {
					childDefinition = fhir.getElementDefinition(value.getClass());
				}
				if (childDefinition instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
					walk(value, composite, childPath, childRule, visitor);
				}
			}
		}
	}

}
