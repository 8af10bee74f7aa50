package org.picu.tier2.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HdfsConfigTest {

    /** Regression: the loader used to ignore the path in hdfs.uri and read /cleaned of the local disk. */
    @Test
    void the_layout_root_lies_below_the_path_of_the_uri_as_on_the_worker() {
        HdfsConfig standalone =
                new HdfsConfig(Optional.of(URI.create("file:///var/picu/hdfs/")), "/", Optional.empty());
        assertEquals("file:///var/picu/hdfs/cleaned/market_ticks",
                standalone.layout().cleanedDatasetDir(org.picu.model.layout.Dataset.MARKET_TICKS));
        HdfsConfig cluster = new HdfsConfig(Optional.of(URI.create("hdfs://master:9000")), "/", Optional.empty());
        assertEquals("hdfs://master:9000/", cluster.layout().root());
    }

    @Test
    void without_a_uri_the_root_is_on_the_default_file_system_and_a_uri_root_is_kept() {
        assertEquals("/picu/", new HdfsConfig(Optional.empty(), "/picu", Optional.empty()).layout().root());
        assertEquals(
                "hdfs://nn:9000/picu/",
                new HdfsConfig(Optional.of(URI.create("file:///")), "hdfs://nn:9000/picu", Optional.empty())
                        .layout()
                        .root());
    }
}
