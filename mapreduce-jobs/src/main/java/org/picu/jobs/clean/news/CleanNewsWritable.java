package org.picu.jobs.clean.news;

import static org.picu.jobs.clean.WireFormat.readNullableLong;
import static org.picu.jobs.clean.WireFormat.readNullableString;
import static org.picu.jobs.clean.WireFormat.readNullableUtf8;
import static org.picu.jobs.clean.WireFormat.readString;
import static org.picu.jobs.clean.WireFormat.readUtf8;
import static org.picu.jobs.clean.WireFormat.writeNullableLong;
import static org.picu.jobs.clean.WireFormat.writeNullableString;
import static org.picu.jobs.clean.WireFormat.writeNullableUtf8;
import static org.picu.jobs.clean.WireFormat.writeString;
import static org.picu.jobs.clean.WireFormat.writeUtf8;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.WritableUtils;
import org.picu.jobs.clean.RecordWritable;
import org.picu.jobs.clean.ShuffledRowsWriteSupport;
import org.picu.jobs.clean.Utf8Text;

/** {@link CleanNews} between mapper and reducer; title and content pass as their bytes, decoded only if read. */
public class CleanNewsWritable extends RecordWritable<CleanNews> {
    @Override
    protected void write(DataOutput out, CleanNews n) throws IOException {
        writeString(out, n.id());
        writeString(out, n.source());
        writeUtf8(out, n.titleText());
        writeNullableString(out, n.url());
        writeNullableUtf8(out, n.contentText());
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
        Utf8Text title = readUtf8(in);
        String url = readNullableString(in);
        Utf8Text content = readNullableUtf8(in);
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
        return new CleanNews(
                id, source, title, url, content, publishedAt, keywords, language, crawledAt, workerId, seq);
    }

    /** Writes shuffled items as {@code news} rows (see {@link ShuffledRowsWriteSupport}). */
    public static final class Rows extends ShuffledRowsWriteSupport<CleanNews> {
        @Override
        protected String[] fieldNames() {
            return new String[] {"id", "source", "title", "url", "content", "published_at", "keywords", "language",
                    "crawled_at", "worker_id", "seq"};
        }

        @Override
        protected void writeFields(DataInput in) throws IOException {
            string(0, in);
            string(1, in);
            string(2, in);
            nullableString(3, in);
            nullableString(4, in);
            nullableVlong(5, in);
            stringList(6, in);
            nullableString(7, in);
            vlong(8, in);
            string(9, in);
            vlong(10, in);
        }
    }
}
