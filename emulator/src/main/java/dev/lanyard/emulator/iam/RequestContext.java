package dev.lanyard.emulator.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The condition keys of an AssumeRole request: aws:SourceArn, aws:SourceAccount, sts:SourceIdentity,
 * aws:PrincipalTag/*. Keys are case-insensitive, as in IAM.
 */
public final class RequestContext {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, String> absentReasons = new LinkedHashMap<>();

    public RequestContext put(String key, String value) {
        if (value != null) {
            values.put(key.toLowerCase(Locale.ROOT), List.of(value));
        }
        return this;
    }

    /** Records why a key is missing (e.g. dropped by the profile's attribute mapping), for explanations. */
    public RequestContext absentBecause(String key, String reason) {
        absentReasons.put(key.toLowerCase(Locale.ROOT), reason);
        return this;
    }

    public List<String> values(String key) {
        return values.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }

    String whyAbsent(String key) {
        String r = absentReasons.get(key.toLowerCase(Locale.ROOT));
        return r == null ? "" : " (" + r + ")";
    }

    /** Replaces policy variables such as {@code ${aws:PrincipalTag/x509Subject/CN}} with the request's value. */
    String substitute(String policyValue) {
        Matcher m = VARIABLE.matcher(policyValue);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            List<String> v = values(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v.size() == 1 ? v.get(0) : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
