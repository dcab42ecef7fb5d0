package vn.lienthong.adapters.soap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/** {@code xs:dateTime} with the Vietnamese offset (+07:00), read with any offset. */
public final class InstantXmlAdapter extends XmlAdapter<String, Instant> {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    @Override
    public Instant unmarshal(String value) {
        return value == null || value.isBlank() ? null : OffsetDateTime.parse(value.trim()).toInstant();
    }

    @Override
    public String marshal(Instant value) {
        return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atOffset(VIETNAM));
    }
}
