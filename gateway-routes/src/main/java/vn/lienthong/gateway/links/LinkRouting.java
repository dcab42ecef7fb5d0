package vn.lienthong.gateway.links;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.directory.DirectoryRepository;

/**
 * Which recipients of a packet taken from a link this gateway serves. The linked axis sends the packet as it was
 * addressed, so its To may name agencies of other axes: those unknown here are the other axes' business. No
 * loops: nothing goes back through the link it came from, and a packet that already carries this gateway's
 * TraceHeader (it passed here before) goes through no link at all.
 */
public class LinkRouting {

    private final DirectoryRepository directory;
    private final LinkRepository links;
    private final String traceOrganId;

    public LinkRouting(DirectoryRepository directory, LinkRepository links, String traceOrganId) {
        this.directory = directory;
        this.links = links;
        this.traceOrganId = traceOrganId;
    }

    /** The codes of {@code to} this gateway delivers or forwards, for a packet taken from {@code viaLink}. */
    public Set<String> servedHere(String viaLink, PacketHeader header, Set<String> to) {
        boolean passedHere = carriesOwnTrace(header);
        Set<String> served = new LinkedHashSet<>();
        for (String code : to) {
            Optional<Agency> agency = directory.findAgency(code);
            if (agency.isEmpty()) {
                continue;
            }
            Optional<String> link = links.linkOf(code);
            if (link.isPresent() && (passedHere || link.get().equals(viaLink))) {
                continue;
            }
            served.add(code);
        }
        return served;
    }

    /** Whether sending to {@code code} would take a packet from {@code viaLink} back where it came from. */
    public boolean loopsBack(String viaLink, PacketHeader header, String code) {
        Optional<String> link = links.linkOf(code);
        return link.isPresent() && (carriesOwnTrace(header) || link.get().equals(viaLink));
    }

    private boolean carriesOwnTrace(PacketHeader header) {
        if (header.traceHeaderList() == null || header.traceHeaderList().traceHeaders() == null) {
            return false;
        }
        for (TraceHeader hop : header.traceHeaderList().traceHeaders()) {
            if (hop.organId() != null && hop.organId().trim().equals(traceOrganId)) {
                return true;
            }
        }
        return false;
    }
}
