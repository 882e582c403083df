package org.rhip.web;

import org.rhip.security.CurrentUser;
import org.rhip.security.RhipPrincipal;
import org.rhip.security.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * Role checks of the console pages that the URL rules of the security configuration do not cover
 * (they let every signed-in user GET every page). A refusal is an {@link AccessDeniedException}, which
 * Spring Security answers with 403.
 */
final class Access {

	private Access() {
	}

	static RhipPrincipal requireAdmin() {
		RhipPrincipal me = CurrentUser.require();
		if (me.role() != Role.ADMIN) {
			throw new AccessDeniedException("administrators only");
		}
		return me;
	}

	static RhipPrincipal requireDataEntry() {
		RhipPrincipal me = CurrentUser.require();
		if (!me.mayEnterData()) {
			throw new AccessDeniedException("data entry is for administrators and data clerks");
		}
		return me;
	}

}
