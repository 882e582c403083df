package org.rhip.care.immunization;

/** Why a dose record cannot be accepted: the field ({@code vaccineCode}, {@code doseNumber}, {@code date}) and why. */
public record DoseProblem(String field, String message) {
}
