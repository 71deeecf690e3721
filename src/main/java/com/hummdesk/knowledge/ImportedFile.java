package com.hummdesk.knowledge;

/**
 * A file of an import after reading: its article fields ({@code language} null unless the file names one), or why it
 * could not be read ({@code error} set).
 */
record ImportedFile(String path, String title, String body, String language, String error) {
    static ImportedFile failed(String path, String error) {
        return new ImportedFile(path, null, null, null, error);
    }
}
