package dev.reason4j.model.tokenizer;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** Python's {@code datetime.strftime} for the C-locale directives chat templates use ({@code "%d %b %Y"}). */
final class PyStrftime {
    private PyStrftime() {
    }

    static String format(ZonedDateTime t, String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                out.append(c);
                continue;
            }
            char d = pattern.charAt(++i);
            switch (d) {
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
                case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
                case 'd' -> out.append(two(t.getDayOfMonth()));
                case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
                case 'm' -> out.append(two(t.getMonthValue()));
                case 'y' -> out.append(two(t.getYear() % 100));
                case 'Y' -> out.append(t.getYear());
                case 'H' -> out.append(two(t.getHour()));
                case 'I' -> out.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'M' -> out.append(two(t.getMinute()));
                case 'S' -> out.append(two(t.getSecond()));
                case 'f' -> out.append(String.format("%06d", t.getNano() / 1000));
                case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
                case 'U' -> out.append(two(weekOfYear(t, DayOfWeek.SUNDAY)));
                case 'W' -> out.append(two(weekOfYear(t, DayOfWeek.MONDAY)));
                case 'V' -> out.append(two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
                case 'z' -> out.append(t.getOffset().getId().equals("Z") ? "+0000" : t.getOffset().getId().replace(":", ""));
                case 'Z' -> out.append(t.getZone().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'D' -> out.append(format(t, "%m/%d/%y"));
                case 'F' -> out.append(format(t, "%Y-%m-%d"));
                case 'T' -> out.append(format(t, "%H:%M:%S"));
                case 'c' -> out.append(format(t, "%a %b ")).append(String.format("%2d", t.getDayOfMonth()))
                        .append(format(t, " %H:%M:%S %Y"));
                case 'x' -> out.append(format(t, "%m/%d/%y"));
                case 'X' -> out.append(format(t, "%H:%M:%S"));
                case '%' -> out.append('%');
                default -> out.append('%').append(d);
            }
        }
        return out.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** C's %U / %W: weeks start on {@code first}; days before the year's first such day are week 0. */
    private static int weekOfYear(ZonedDateTime t, DayOfWeek first) {
        int dayOfYear = t.getDayOfYear() - 1;
        int weekday = (t.getDayOfWeek().getValue() - first.getValue() + 7) % 7;
        return (dayOfYear - weekday + 7) / 7;
    }
}
