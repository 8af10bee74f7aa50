package org.picu.jobs.clean.feargreed;

import org.picu.jobs.clean.CleaningMapper;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;

/** Applies {@link FearGreedNormalizer} and keys each reading by the index time. */
public class CleanFearGreedMapper extends CleaningMapper<CleanFearGreed> {
    private final FearGreedNormalizer normalizer = new FearGreedNormalizer();

    @Override
    protected CleanFearGreed normalize(RecordEnvelope envelope) throws MalformedRecordException {
        return normalizer.normalize(envelope);
    }

    @Override
    protected String dedupKey(CleanFearGreed record) {
        return record.dedupKey();
    }
}
