package com.hummdesk.ai.local;

/** A cue found in a message, with the words that matched (quoted in the reasoning). */
record CueHit(Cue cue, String matched) {}
