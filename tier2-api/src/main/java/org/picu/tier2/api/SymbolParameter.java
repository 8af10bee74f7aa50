package org.picu.tier2.api;

import java.util.Locale;
import java.util.regex.Pattern;

/** A coin symbol in a query or path: 1 to 20 letters or digits, any case, normalised to upper case. */
public final class SymbolParameter {
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,20}");

    private SymbolParameter() {
    }

    /** @throws ApiException 400 naming {@code field} if {@code text} is not a plain ticker */
    public static String parse(String text, String field) {
        if (text == null || !SYMBOL.matcher(text).matches()) {
            throw ApiException.badRequest(field, field + " must be 1 to 20 letters or digits, e.g. BTC");
        }
        return text.toUpperCase(Locale.ROOT);
    }
}
