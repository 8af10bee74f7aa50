package org.picu.jobs.clean.news;

import org.picu.jobs.clean.CleaningMapper;
import org.picu.jobs.clean.EnvelopeHead;
import org.picu.jobs.clean.Payload;
import org.picu.jobs.clean.PayloadFields;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;

/** Applies {@link NewsNormalizer} and keys each item by its content signature. */
public class CleanNewsMapper extends CleaningMapper<CleanNews> {
    private final NewsNormalizer normalizer = new NewsNormalizer();

    @Override
    protected CleanNews normalize(RecordEnvelope envelope) throws MalformedRecordException {
        return normalizer.normalize(envelope);
    }

    @Override
    protected PayloadFields payloadFields() {
        return NewsNormalizer.payloadFields();
    }

    @Override
    protected CleanNews normalize(EnvelopeHead head, Payload payload) throws MalformedRecordException {
        return normalizer.normalize(head, payload);
    }

    @Override
    protected String dedupKey(CleanNews record) {
        return record.id();
    }
}
