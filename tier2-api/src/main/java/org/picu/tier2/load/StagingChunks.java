package org.picu.tier2.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads a partition on a thread of its own and hands its rows over as {@code LOAD DATA} chunks of
 * {@code batchSize} rows, so that decoding Parquet and encoding text overlap with MariaDB storing the previous chunk
 * (the loader's single database session stays on the caller's thread). At most two chunks wait, which bounds the
 * memory to about three chunks whatever the partition's size.
 *
 * <p>A failure of the reader (a corrupt file, a value MariaDB cannot store) is rethrown by {@link #next()}; closing
 * early stops the reader.
 */
final class StagingChunks implements AutoCloseable {
    private static final int QUEUED = 2;

    /** One chunk: UTF-8 TSV and how many rows it holds. */
    record Chunk(byte[] content, int rows) {
    }

    /** Appends one record's values, one per column; the reader ends the row. */
    @FunctionalInterface
    interface RowWriter {
        void write(TsvRow row, GenericRecord record);
    }

    // what the reader thread hands over: a chunk, the end (with the row count) or its failure
    private record Item(Chunk chunk, long rowsRead, Throwable failure) {
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread reader;
    private volatile boolean closed;
    private boolean ended;
    private long rowsRead = -1;

    private StagingChunks(PartitionData data, Schema readSchema, RowWriter writer, int batchSize) {
        this.reader = new Thread(() -> read(data, readSchema, writer, batchSize), "tier2-load-reader");
        reader.setDaemon(true);
    }

    /** Starts reading {@code data} in the background. */
    static StagingChunks start(PartitionData data, Schema readSchema, RowWriter writer, int batchSize) {
        StagingChunks chunks = new StagingChunks(data, readSchema, writer, batchSize);
        chunks.reader.start();
        return chunks;
    }

    /**
     * The next chunk, waiting for the reader if needed; null after the last one. A failure of the reader is thrown
     * here, as it was thrown there ({@link LoadException} for content that cannot be loaded).
     *
     * @throws IOException if a data file cannot be read
     * @throws SQLException never in practice (the reader does not touch the database), declared by the record sink
     */
    Chunk next() throws IOException, SQLException {
        if (ended) {
            return null;
        }
        Item item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the partition's rows", e);
        }
        if (item.failure != null) {
            ended = true;
            rethrow(item.failure);
        }
        if (item.chunk == null) {
            ended = true;
            rowsRead = item.rowsRead;
            return null;
        }
        return item.chunk;
    }

    /** How many records the reader read; valid once {@link #next()} has returned null. */
    long rowsRead() {
        if (rowsRead < 0) {
            throw new IllegalStateException("the partition has not been read to its end");
        }
        return rowsRead;
    }

    /** Whether the reader thread is still running (for tests). */
    boolean readerAlive() {
        return reader.isAlive();
    }

    /** Stops the reader if it is still running and waits for it. */
    @Override
    public void close() {
        closed = true;
        queue.clear(); // frees a reader blocked on a full queue
        try {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(PartitionData data, Schema readSchema, RowWriter writer, int batchSize) {
        TsvRow rows = new TsvRow();
        try {
            long count = data.read(readSchema, record -> {
                writer.write(rows, record);
                rows.endRow();
                if (rows.rows() == batchSize) {
                    handOver(new Item(chunk(rows), 0, null));
                }
            });
            if (rows.rows() > 0) {
                handOver(new Item(chunk(rows), 0, null));
            }
            handOver(new Item(null, count, null));
        } catch (Closed e) {
            // the consumer gave up; nobody waits for the rest
        } catch (Throwable e) { // handed to the consumer, which rethrows it on its own thread
            try {
                handOver(new Item(null, 0, e));
            } catch (Closed closedMeanwhile) {
                // nobody waits for the failure either
            }
        }
    }

    private static Chunk chunk(TsvRow rows) {
        Chunk chunk = new Chunk(rows.content().getBytes(StandardCharsets.UTF_8), rows.rows());
        rows.clear();
        return chunk;
    }

    private void handOver(Item item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Closed();
                }
            }
            if (closed) {
                queue.clear();
                throw new Closed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Closed();
        }
    }

    private static void rethrow(Throwable failure) throws IOException, SQLException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof SQLException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("reading the partition failed", failure);
    }

    // thrown on the reader thread to unwind it once the consumer has closed
    private static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Closed() {
            super(null, null, false, false);
        }
    }
}
