package org.picu.jobs.clean.news;

import static org.picu.jobs.clean.WireFormat.readNullableLong;
import static org.picu.jobs.clean.WireFormat.readNullableString;
import static org.picu.jobs.clean.WireFormat.readNullableUtf8;
import static org.picu.jobs.clean.WireFormat.readString;
import static org.picu.jobs.clean.WireFormat.readUtf8;
import static org.picu.jobs.clean.WireFormat.writeNullableLong;
import static org.picu.jobs.clean.WireFormat.writeNullableString;
import static org.picu.jobs.clean.WireFormat.writeString;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.io.WritableUtils;
import org.picu.jobs.clean.RecordWritable;
import org.picu.model.avro.DatasetSchemas;

/** {@link CleanNews} between mapper and reducer. */
public class CleanNewsWritable extends RecordWritable<CleanNews> {
    @Override
    protected void write(DataOutput out, CleanNews n) throws IOException {
        writeString(out, n.id());
        writeString(out, n.source());
        writeString(out, n.title());
        writeNullableString(out, n.url());
        writeNullableString(out, n.content());
        writeNullableLong(out, n.publishedAt());
        WritableUtils.writeVInt(out, n.keywords().size());
        for (String k : n.keywords()) {
            writeString(out, k);
        }
        writeNullableString(out, n.language());
        WritableUtils.writeVLong(out, n.crawledAt());
        writeString(out, n.workerId());
        WritableUtils.writeVLong(out, n.seq());
    }

    @Override
    protected CleanNews read(DataInput in) throws IOException {
        String id = readString(in);
        String source = readString(in);
        String title = readString(in);
        String url = readNullableString(in);
        String content = readNullableString(in);
        Long publishedAt = readNullableLong(in);
        int n = WritableUtils.readVInt(in);
        List<String> keywords = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keywords.add(readString(in));
        }
        String language = readNullableString(in);
        long crawledAt = WritableUtils.readVLong(in);
        String workerId = readString(in);
        long seq = WritableUtils.readVLong(in);
        return new CleanNews(id, source, title, url, content, publishedAt, keywords, language, crawledAt, workerId, seq);
    }

    /**
     * The encoded item as its {@code news} row, the same row as {@code read(in).toAvro()} with the strings as
     * {@link Utf8} over the shuffled bytes (see {@link RecordWritable#decode}).
     * Fields are put by position, in the schema's order, which is the order they were shuffled in (a put by name is
     * a hash lookup per field); {@code RecordWritableTest} compares the row with {@code toAvro}'s, put by name.
     */
    static GenericRecord readAvro(DataInput in) throws IOException {
        int field = 0;
        GenericRecord r = new GenericData.Record(DatasetSchemas.NEWS);
        r.put(field++, readUtf8(in)); // id
        r.put(field++, readUtf8(in)); // source
        r.put(field++, readUtf8(in)); // title
        r.put(field++, readNullableUtf8(in)); // url
        r.put(field++, readNullableUtf8(in)); // content
        r.put(field++, readNullableLong(in)); // published_at
        int n = WritableUtils.readVInt(in);
        List<Utf8> keywords = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keywords.add(readUtf8(in));
        }
        r.put(field++, keywords); // keywords
        r.put(field++, readNullableUtf8(in)); // language
        r.put(field++, WritableUtils.readVLong(in)); // crawled_at
        r.put(field++, readUtf8(in)); // worker_id
        r.put(field++, WritableUtils.readVLong(in)); // seq
        return r;
    }
}
