package org.picu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.picu.model.layout.Dataset;

class BuiltInSourceTest {

    @Test
    void every_built_in_source_is_read_by_exactly_one_cleaned_dataset_by_default() {
        for (String source : BuiltInSource.names()) {
            List<Dataset> readers = Arrays.stream(Dataset.values())
                    .filter(d -> d.rawSources().contains(source))
                    .toList();
            assertEquals(1, readers.size(), source + " is read by " + readers);
        }
    }

    @Test
    void a_dataset_reads_the_built_in_sources_of_its_kind_and_derived_datasets_read_none() {
        assertEquals(BuiltInSource.namesOf(RecordKind.MARKET_TICK), Dataset.MARKET_TICKS.rawSources());
        assertTrue(Dataset.NEWS.rawSources().containsAll(BuiltInSource.namesOf(RecordKind.NEWS)));
        assertEquals(List.of(), Dataset.CANDLES_1H.rawSources());
        assertEquals(BuiltInSource.FEAR_GREED, BuiltInSource.fromName("fear_greed").orElseThrow());
        assertTrue(BuiltInSource.fromName("declarative").isEmpty());
    }
}
