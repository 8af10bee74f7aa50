package org.picu.jobs.clean.io;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * A cleaned row on its way from mapper to reducer: a VInt length and the row in Avro's binary encoding of the
 * rules' {@link CleaningRules#rowSchema}, the schema named by the job's configuration. A row read from the
 * shuffle is decoded on first {@link #get}, into a new record (a reducer may keep it while Hadoop reuses this
 * wrapper); one never decoded is written back as the bytes it arrived in.
 */
public class RowWritable implements Writable, Configurable {
    private Configuration conf;
    private GenericDatumWriter<GenericRecord> writer;
    private GenericDatumReader<GenericRecord> reader;
    private final DataOutputBuffer bytes = new DataOutputBuffer();
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;
    private GenericRecord row;
    /** Whether {@link #bytes} holds the encoding of the current row. */
    private boolean encoded;

    public RowWritable() {
    }

    public RowWritable(Schema schema) {
        use(schema);
    }

    @Override
    public void setConf(Configuration conf) {
        this.conf = conf;
        use(CleaningJob.rules(conf).rowSchema());
    }

    @Override
    public Configuration getConf() {
        return conf;
    }

    private void use(Schema schema) {
        writer = new GenericDatumWriter<>(schema);
        reader = new GenericDatumReader<>(schema);
    }

    public GenericRecord get() {
        if (row == null && encoded) {
            decoder = DecoderFactory.get().binaryDecoder(bytes.getData(), 0, bytes.getLength(), decoder);
            try {
                row = reader.read(null, decoder);
            } catch (IOException e) {
                throw new IllegalStateException("a shuffled row does not decode; mapper and reducer run different "
                        + "builds?", e);
            }
        }
        return row;
    }

    public RowWritable set(GenericRecord row) {
        this.row = row;
        this.encoded = false;
        return this;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        if (!encoded) {
            bytes.reset();
            encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
            writer.write(row, encoder);
            encoder.flush();
            encoded = true;
        }
        WritableUtils.writeVInt(out, bytes.getLength());
        out.write(bytes.getData(), 0, bytes.getLength());
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        int length = WritableUtils.readVInt(in);
        if (length < 0) {
            throw new IOException("negative row length " + length + " in a shuffled row");
        }
        bytes.reset();
        bytes.write(in, length);
        encoded = true;
        row = null;
    }
}
