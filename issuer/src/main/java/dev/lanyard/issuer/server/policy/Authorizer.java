package dev.lanyard.issuer.server.policy;

import dev.lanyard.issuer.resource.Cidr;
import java.net.InetAddress;
import java.util.List;

/**
 * The one authorizer. Policy is data (roles); the default is deny; a matching deny rule always
 * wins over any allow rule.
 *
 * <p>SVIDs: an allow rule matches when its {@code path} glob matches the requested path, every
 * requested DNS SAN matches one of its {@code dns_sans} globs, and every requested IP SAN lies in one
 * of its {@code ip_sans} CIDRs. A deny rule matches when its path glob matches and, if it lists
 * {@code dns_sans} or {@code ip_sans}, at least one requested SAN of that type matches (a deny rule
 * without SAN lists denies the path outright).
 *
 * <p>Resources: a rule grants a verb on a resource when both lists name it (or {@code *}). The local
 * admin identity may edit every resource; it holds no SPIFFE rules.
 */
public final class Authorizer {

    public Decision svid(List<Role> roles, SvidAsk ask) {
        for (Role role : roles) {
            for (Role.SpiffeRule rule : role.deny().spiffe()) {
                if (denyMatches(rule, ask)) {
                    return Decision.deny("denied by role " + role.name() + " (deny path " + rule.path() + ")");
                }
            }
        }
        for (Role role : roles) {
            for (Role.SpiffeRule rule : role.allow().spiffe()) {
                if (allowMatches(rule, ask)) {
                    return Decision.allow("allowed by role " + role.name() + " (path " + rule.path() + ")");
                }
            }
        }
        if (roles.isEmpty()) {
            return Decision.deny("no role is assigned to the caller");
        }
        String sans = (ask.dnsSans().isEmpty() ? "" : " with DNS SANs " + String.join(", ", ask.dnsSans()))
                + (ask.ipSans().isEmpty() ? "" : " with IP SANs " + String.join(", ",
                ask.ipSans().stream().map(InetAddress::getHostAddress).toList()));
        return Decision.deny("no role allows SPIFFE path " + ask.path() + sans);
    }

    public Decision resource(boolean admin, List<Role> roles, String resource, String verb) {
        if (admin) {
            return Decision.allow("local admin");
        }
        for (Role role : roles) {
            for (Role.ResourceRule rule : role.deny().rules()) {
                if (grants(rule, resource, verb)) {
                    return Decision.deny("denied by role " + role.name() + " (" + verb + " " + resource + ")");
                }
            }
        }
        for (Role role : roles) {
            for (Role.ResourceRule rule : role.allow().rules()) {
                if (grants(rule, resource, verb)) {
                    return Decision.allow("allowed by role " + role.name());
                }
            }
        }
        return Decision.deny("no role allows " + verb + " on " + resource);
    }

    private static boolean allowMatches(Role.SpiffeRule rule, SvidAsk ask) {
        if (!Glob.matches(rule.path(), ask.path())) {
            return false;
        }
        for (String dns : ask.dnsSans()) {
            if (rule.dnsSans().stream().noneMatch(g -> Glob.matchesDns(g, dns))) {
                return false;
            }
        }
        for (InetAddress ip : ask.ipSans()) {
            if (rule.ipSans().stream().noneMatch(c -> c.contains(ip))) {
                return false;
            }
        }
        return true;
    }

    private static boolean denyMatches(Role.SpiffeRule rule, SvidAsk ask) {
        if (!Glob.matches(rule.path(), ask.path())) {
            return false;
        }
        if (!rule.dnsSans().isEmpty() && ask.dnsSans().stream()
                .noneMatch(d -> rule.dnsSans().stream().anyMatch(g -> Glob.matchesDns(g, d)))) {
            return false;
        }
        if (!rule.ipSans().isEmpty() && ask.ipSans().stream()
                .noneMatch(ip -> rule.ipSans().stream().anyMatch((Cidr c) -> c.contains(ip)))) {
            return false;
        }
        return true;
    }

    private static boolean grants(Role.ResourceRule rule, String resource, String verb) {
        return (rule.resources().contains(resource) || rule.resources().contains("*"))
                && (rule.verbs().contains(verb) || rule.verbs().contains("*"));
    }
}
