package org.picu.worker.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.picu.model.layout.RawFileName;

class SpoolFileNamesTest {

    @Test
    void a_file_being_written_is_named_by_source_worker_and_first_sequence() {
        assertEquals("upbit.w1.000000000042.jsonl.tmp", SpoolFileNames.tmpName("upbit", "w1", 42));
    }

    @Test
    void tmp_names_parse_back() {
        assertEquals(Optional.of(new SpoolFileNames.TmpName("fear_greed", "pi-2", 123456789012L)),
                SpoolFileNames.parseTmp("fear_greed.pi-2.123456789012.jsonl.tmp"));
        assertTrue(SpoolFileNames.parseTmp("upbit.w1.42.jsonl.tmp").isEmpty(), "sequence must have 12 digits");
        assertTrue(SpoolFileNames.parseTmp("upbit.w1.000000000042.jsonl").isEmpty());
        assertTrue(SpoolFileNames.parseTmp("Upbit.w1.000000000042.jsonl.tmp").isEmpty());
    }

    @Test
    void rename_rule_keeps_source_worker_and_first_and_adds_the_last_sequence() {
        SpoolFileNames.TmpName tmp = SpoolFileNames.parseTmp("upbit.w1.000000000042.jsonl.tmp").orElseThrow();

        RawFileName complete = SpoolFileNames.completeName(tmp, 50);

        assertEquals("upbit.w1.000000000042-000000000050.jsonl", complete.toString());
        assertEquals(9, complete.recordCount());
    }

    @Test
    void shipped_files_get_a_suffix_that_still_parses() {
        RawFileName name = new RawFileName("upbit", "w1", 0, 8);

        assertEquals("upbit.w1.000000000000-000000000008.jsonl.uploaded", SpoolFileNames.uploadedName(name));
        assertEquals(Optional.of(name), SpoolFileNames.parseUploaded(SpoolFileNames.uploadedName(name)));
        assertTrue(SpoolFileNames.parseUploaded(name.toString()).isEmpty());
        assertTrue(SpoolFileNames.parseUploaded("notes.txt.uploaded").isEmpty());
    }
}
