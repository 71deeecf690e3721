package com.hummdesk.ai.pipeline;

import java.util.List;

/** GET /api/ai/categories: all of the account's categories, by name. */
public record CategoryList(List<Category> categories) {}
