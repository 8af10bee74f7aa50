package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.picu.tier2.config.Secret;

class BearerTokenTest {
    private static final String TOKEN = "0123456789abcdef-token";
    private final BearerToken token = new BearerToken(new Secret(TOKEN));

    @Test
    void the_right_bearer_token_passes_in_any_scheme_case() {
        assertDoesNotThrow(() -> token.check(Optional.of("Bearer " + TOKEN)));
        assertDoesNotThrow(() -> token.check(Optional.of("bearer " + TOKEN)));
    }

    @Test
    void anything_else_is_401_without_echoing_it() {
        for (String header : new String[] {"", "Bearer", "Bearer ", TOKEN, "Basic " + TOKEN, "Bearer " + TOKEN + "x",
                "Bearer " + TOKEN.substring(1)}) {
            ApiException e = assertThrows(ApiException.class, () -> token.check(Optional.of(header)), header);
            assertEquals(401, e.status());
            assertFalse(e.getMessage().contains(TOKEN));
        }
        assertEquals(401, assertThrows(ApiException.class, () -> token.check(Optional.empty())).status());
    }

    @Test
    void without_a_configured_token_every_state_change_is_refused() {
        BearerToken none = new BearerToken(Secret.EMPTY);
        ApiException e = assertThrows(ApiException.class, () -> none.check(Optional.of("Bearer ")));
        assertEquals(401, e.status());
        assertEquals(401, assertThrows(ApiException.class, () -> none.check(Optional.of("Bearer anything"))).status());
    }
}
