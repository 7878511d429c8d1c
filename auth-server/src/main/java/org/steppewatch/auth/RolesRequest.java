package org.steppewatch.auth;

import java.util.List;

/** Body of {@code PUT …/roles}: the complete new list of roles. */
public record RolesRequest(List<String> roles) {
}
