package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryParametersTest {
    @Test
    void decodes_percent_and_plus_encoding() {
        QueryParameters query = QueryParameters.parse("symbol=B%54C&note=a+b&flag");
        assertEquals(Optional.of("BTC"), query.get("symbol"));
        assertEquals(Optional.of("a b"), query.get("note"));
        assertEquals(Optional.empty(), query.get("flag"));
        assertEquals(Optional.empty(), query.get("missing"));
        assertEquals(Optional.empty(), QueryParameters.parse(null).get("x"));
    }

    @Test
    void int_parameters_default_cap_and_refuse_what_is_not_a_count() {
        assertEquals(10, QueryParameters.parse("").intInRange("limit", 10, 1, 1000));
        assertEquals(10, QueryParameters.parse("limit=").intInRange("limit", 10, 1, 1000));
        assertEquals(5, QueryParameters.parse("limit=5").intInRange("limit", 10, 1, 1000));
        assertEquals(1000, QueryParameters.parse("limit=1001").intInRange("limit", 10, 1, 1000));
        assertEquals(1000, QueryParameters.parse("limit=123456789012345678901234").intInRange("limit", 10, 1, 1000));
        for (String bad : new String[] {"abc", "-1", "0", "1e3", "0x10", "-99999999999999999999"}) {
            ApiException e = assertThrows(ApiException.class,
                    () -> QueryParameters.parse("limit=" + bad).intInRange("limit", 10, 1, 1000), bad);
            assertEquals(400, e.status());
            assertEquals(Optional.of("limit"), e.field());
        }
    }

    @Test
    void broken_encoding_and_repeated_parameters_are_400() {
        ApiException broken = assertThrows(ApiException.class, () -> QueryParameters.parse("symbol=%zz"));
        assertEquals(Optional.of("symbol"), broken.field());
        ApiException repeated = assertThrows(ApiException.class, () -> QueryParameters.parse("a=1&a=2"));
        assertEquals(Optional.of("a"), repeated.field());
    }
}
