package org.rhip.care.immunization;

/** A dose as records name it: vaccine code and dose number of that vaccine ({@code HepB 3}). */
record DoseKey(String vaccine, int dose) {

	@Override
	public String toString() {
		return vaccine + " dose " + dose;
	}

}
