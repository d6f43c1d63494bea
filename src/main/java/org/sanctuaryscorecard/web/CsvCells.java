package org.sanctuaryscorecard.web;

/**
 * CSV cells as every export of the application writes them: RFC 4180 quoting, and a cell that a spreadsheet would
 * run as a formula (it starts with = + - @, a tab or a carriage return) gets a leading apostrophe.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** One cell: empty for null; quoted when needed; a leading = + - @ (a formula to a spreadsheet) is defused. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
