package com.hummdesk.ai.local;

import com.hummdesk.ai.AiProvider;
import com.hummdesk.ai.Classification;
import com.hummdesk.ai.ClassificationContext;
import com.hummdesk.ai.Draft;
import com.hummdesk.ai.DraftContext;

/**
 * The local provider's drafts without its models: {@link GroundedDraftWriter} needs no embedding or language model,
 * so drafting can be wired at no start-up cost where the full {@link LocalProvider} is not built. It does not
 * classify; where a {@link LocalProvider} exists, use that instead (its drafts are the same).
 */
public final class LocalDraftProvider implements AiProvider {
    private final GroundedDraftWriter drafts = new GroundedDraftWriter();

    @Override
    public Classification classify(ClassificationContext context) {
        throw new UnsupportedOperationException("LocalDraftProvider only drafts; classify with LocalProvider");
    }

    @Override
    public Draft draft(DraftContext context) {
        return drafts.write(context);
    }

    @Override
    public String name() {
        return LocalProvider.NAME;
    }
}
