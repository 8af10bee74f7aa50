package org.picu.jobs.clean.market;

import org.picu.jobs.clean.CleaningMapper;
import org.picu.jobs.clean.EnvelopeHead;
import org.picu.jobs.clean.Payload;
import org.picu.jobs.clean.PayloadFields;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;

/** Applies {@link MarketTickNormalizer} and keys each tick by (source, symbol, exchange timestamp). */
public class CleanMarketMapper extends CleaningMapper<CleanMarketTick> {
    private final MarketTickNormalizer normalizer = new MarketTickNormalizer();

    @Override
    protected CleanMarketTick normalize(RecordEnvelope envelope) throws MalformedRecordException {
        return normalizer.normalize(envelope);
    }

    @Override
    protected PayloadFields payloadFields() {
        return MarketTickNormalizer.payloadFields();
    }

    @Override
    protected CleanMarketTick normalize(EnvelopeHead head, Payload payload) throws MalformedRecordException {
        return normalizer.normalize(head, payload);
    }

    @Override
    protected String dedupKey(CleanMarketTick record) {
        return record.dedupKey();
    }
}
