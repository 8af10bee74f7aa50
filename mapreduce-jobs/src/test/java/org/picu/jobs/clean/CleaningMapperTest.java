package org.picu.jobs.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

class CleaningMapperTest {
    @Test
    void the_map_output_key_has_the_bytes_text_set_gives_it() {
        Text reused = new Text("a much longer key than the ones that follow it|BTC|1795230000000");
        for (String key : new String[] {"upbit|BTC|1795230000000", "", "비트|é|🐋", "lone \uD800 high", "lone \uDC00 low",
            "swapped \uDC00\uD800", "end \uD83D"}) {
            assertEquals(new Text(key), CleaningMapper.setKey(reused, key), key);
        }
    }
}
