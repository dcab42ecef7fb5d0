package vn.lienthong.trust.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What the revisions appended after a signed revision change.
 *
 * <p>A signature whose byte range ends before the end of the file signed an earlier revision; what follows it is
 * one or more incremental updates. The signer of the earlier revision vouches for the document only if those
 * updates leave its content alone. This class loads the signed revision (the first bytes of the same file) beside
 * the latest one and compares, object by object, every object the updates redefine:
 *
 * <ul>
 * <li>allowed: new signature fields and their widgets (on a page's {@code /Annots} and in the form's
 * {@code /Fields}), a value given to an empty signature field, the form's {@code /SigFlags}, {@code /DR},
 * {@code /DA}, validation data ({@code /DSS}), the document information dictionary and XMP metadata;</li>
 * <li>anything else is a change of the document: page content, resources, page tree, catalog entries, other
 * annotations or form fields, an existing signature modified, objects removed.</li>
 * </ul>
 *
 * <p>New objects matter only through the redefined objects that reference them, which is where they are judged.
 * Known limits: an allowed signature widget has an appearance of its own, drawn on the page like any annotation
 * (its signer is reported separately, and is checked like any signer); free-list entries in the updates are not
 * read, so an object "freed" there still counts as present, as PDFBox reads it.
 */
final class RevisionComparator {

    /** The outcome: whether the analysis ran, and the changes that are not allowed (at most a few). */
    record Changes(boolean analysed, List<Note> forbidden, boolean metadataChanged, boolean validationDataAdded) {

        boolean onlyAllowed() {
            return analysed && forbidden.isEmpty();
        }
    }

    private static final int MAX_REPORTED = 5;
    private static final int MAX_TREE_DEPTH = 64;
    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName VRI = COSName.getPDFName("VRI");
    private static final COSName DOC_TIME_STAMP = COSName.getPDFName("DocTimeStamp");
    private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");
    private static final Set<COSName> FORM_ALLOWED = Set.of(COSName.SIG_FLAGS, COSName.DR, COSName.DA);

    private final COSDocument earlier;
    private final COSDocument latest;
    private final Map<COSObjectKey, Long> earlierXref;
    private final Map<COSObjectKey, Long> latestXref;
    private final Map<COSObjectKey, Integer> pages = new HashMap<>();
    private final Map<COSObjectKey, Integer> annotationArrays = new HashMap<>();
    private final Map<COSObjectKey, Integer> contentStreams = new HashMap<>();
    private final Set<COSObjectKey> validationData = new HashSet<>();
    private final Set<Note> forbidden = new LinkedHashSet<>();
    private COSObjectKey catalogKey;
    private COSObjectKey infoKey;
    private COSObjectKey formKey;
    private COSObjectKey fieldsKey;
    private boolean metadataChanged;
    private boolean validationDataAdded;

    private RevisionComparator(PDDocument earlier, PDDocument latest) {
        this.earlier = earlier.getDocument();
        this.latest = latest.getDocument();
        this.earlierXref = this.earlier.getXrefTable();
        this.latestXref = this.latest.getXrefTable();
    }

    /** Compares the revision made of the first {@code revisionEnd} of {@code bytes} with {@code latest}. */
    static Changes compare(PdfBytes bytes, long revisionEnd, PDDocument latest) {
        try (RandomAccessRead source = bytes.reader();
             PDDocument earlier = Loader.loadPDF(new RandomAccessReadView(source, 0, revisionEnd, false))) {
            return new RevisionComparator(earlier, latest).run();
        } catch (IOException | RuntimeException e) {
            return new Changes(false, List.of(new Note(
                    "Phần đã ký không phải là một phiên bản PDF đọc được, nên không xác định được phần thêm sau đó ("
                            + e.getMessage() + ")",
                    "The signed part is not a readable PDF revision, so what was appended cannot be analysed ("
                            + e.getMessage() + ")")), false, false);
        }
    }

    private Changes run() throws IOException {
        if (earlier.getStartXref() == latest.getStartXref()) {
            forbid("sau phần đã ký có dữ liệu được nối thêm không phải là một phiên bản PDF",
                    "data that is not a PDF revision was appended after the signed part");
            return new Changes(true, List.copyOf(forbidden), false, false);
        }
        COSDictionary earlierTrailer = earlier.getTrailer();
        COSDictionary latestTrailer = latest.getTrailer();
        catalogKey = keyOf(latestTrailer.getItem(COSName.ROOT));
        if (catalogKey == null || !catalogKey.equals(keyOf(earlierTrailer.getItem(COSName.ROOT)))) {
            forbid("danh mục gốc của tài liệu (/Root) bị thay thế", "the document catalog (/Root) was replaced");
        }
        if (!same(earlierTrailer.getItem(COSName.ENCRYPT), latestTrailer.getItem(COSName.ENCRYPT))) {
            forbid("cách mã hóa tài liệu bị thay đổi", "the encryption of the document changed");
        }
        infoKey = keyOf(latestTrailer.getItem(COSName.INFO));
        if (!Objects.equals(infoKey, keyOf(earlierTrailer.getItem(COSName.INFO)))) {
            metadataChanged = true;
        }
        mapLatest();

        for (Map.Entry<COSObjectKey, Long> entry : latestXref.entrySet()) {
            if (forbidden.size() >= MAX_REPORTED) {
                break;
            }
            COSObjectKey key = entry.getKey();
            Long before = earlierXref.get(key);
            if (before == null || sameLocation(before, entry.getValue())) {
                continue; // a new object, judged through what references it; or the very same bytes
            }
            COSBase old = resolve(earlier, key);
            COSBase now = resolve(latest, key);
            if (!same(old, now)) {
                classify(key, old, now);
            }
        }
        for (COSObjectKey key : earlierXref.keySet()) {
            if (forbidden.size() >= MAX_REPORTED) {
                break;
            }
            if (!latestXref.containsKey(key)) {
                forbid("đối tượng " + name(key) + " bị xóa", "object " + name(key) + " was removed");
            }
        }
        return new Changes(true, List.copyOf(forbidden), metadataChanged, validationDataAdded);
    }

    /** Pages, their annotation arrays and content streams, the form, the DSS: where each latest object belongs. */
    private void mapLatest() {
        COSDictionary catalog = dictionary(resolve(latest, catalogKey));
        if (catalog == null) {
            return;
        }
        COSBase form = catalog.getItem(COSName.ACRO_FORM);
        formKey = keyOf(form);
        COSDictionary formDictionary = dictionary(dereference(form));
        if (formDictionary != null) {
            fieldsKey = keyOf(formDictionary.getItem(COSName.FIELDS));
        }
        COSBase dss = catalog.getItem(DSS);
        addValidationData(dss, 0);
        walkPages(catalog.getItem(COSName.PAGES), new HashSet<>(), 0);
    }

    private void addValidationData(COSBase item, int depth) {
        COSObjectKey key = keyOf(item);
        if (key != null && !validationData.add(key)) {
            return;
        }
        COSBase value = dereference(item);
        if (depth > 3) {
            return;
        }
        if (value instanceof COSDictionary dictionary && !(value instanceof COSStream)) {
            for (COSName name : dictionary.keySet()) {
                addValidationData(dictionary.getItem(name), depth + 1);
            }
        } else if (value instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                addValidationData(array.get(i), depth + 1);
            }
        }
    }

    private void walkPages(COSBase item, Set<COSObjectKey> seen, int depth) {
        COSObjectKey key = keyOf(item);
        if (depth > MAX_TREE_DEPTH || (key != null && !seen.add(key))) {
            return;
        }
        COSDictionary node = dictionary(dereference(item));
        if (node == null) {
            return;
        }
        if (COSName.PAGES.equals(node.getCOSName(COSName.TYPE)) || node.containsKey(COSName.KIDS)) {
            COSBase kids = dereference(node.getItem(COSName.KIDS));
            if (kids instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    walkPages(array.get(i), seen, depth + 1);
                }
            }
            return;
        }
        int number = pages.size() + 1;
        if (key != null) {
            pages.put(key, number);
        }
        COSObjectKey annots = keyOf(node.getItem(COSName.ANNOTS));
        if (annots != null) {
            annotationArrays.put(annots, number);
        }
        COSBase contents = node.getItem(COSName.CONTENTS);
        COSObjectKey contentsKey = keyOf(contents);
        if (contentsKey != null) {
            contentStreams.put(contentsKey, number);
        }
        if (dereference(contents) instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                COSObjectKey part = keyOf(array.get(i));
                if (part != null) {
                    contentStreams.put(part, number);
                }
            }
        }
    }

    private void classify(COSObjectKey key, COSBase old, COSBase now) throws IOException {
        if (key.equals(infoKey)) {
            metadataChanged = true;
            return;
        }
        if (contentStreams.containsKey(key)) {
            int page = contentStreams.get(key);
            forbid("nội dung trang " + page + " bị thay đổi (đối tượng " + name(key) + ")",
                    "the content of page " + page + " was changed (object " + name(key) + ")");
            return;
        }
        if (now instanceof COSDictionary dictionary) {
            COSName type = dictionary.getCOSName(COSName.TYPE);
            COSDictionary before = dictionary(old);
            if (COSName.XREF.equals(type) || COSName.OBJ_STM.equals(type)) {
                return;
            }
            if (COSName.METADATA.equals(type)) {
                metadataChanged = true;
                return;
            }
            if (validationData.contains(key) || DSS.equals(type) || VRI.equals(type)) {
                validationDataAdded = true;
                return;
            }
            if (before == null) {
                forbid("đối tượng " + name(key) + " bị thay bằng một đối tượng khác loại",
                        "object " + name(key) + " was replaced by an object of another kind");
            } else if (key.equals(catalogKey)) {
                compareCatalog(before, dictionary);
            } else if (key.equals(formKey)) {
                compareForm(before, dictionary);
            } else if (pages.containsKey(key)) {
                comparePage(pages.get(key), before, dictionary);
            } else if (COSName.SIG.equals(type) || DOC_TIME_STAMP.equals(type)) {
                forbid("một chữ ký đã có bị sửa (đối tượng " + name(key) + ")",
                        "an existing signature was modified (object " + name(key) + ")");
            } else if (isSignatureField(dictionary)) {
                compareSignatureField(key, before, dictionary);
            } else {
                forbid("đối tượng " + name(key) + describe(dictionary) + " bị thay đổi",
                        "object " + name(key) + describe(dictionary) + " was changed");
            }
            return;
        }
        if (now instanceof COSArray array) {
            if (annotationArrays.containsKey(key)) {
                compareAnnotations(annotationArrays.get(key), array(old), array);
                return;
            }
            if (key.equals(fieldsKey)) {
                compareFields(array(old), array);
                return;
            }
            if (validationData.contains(key)) {
                validationDataAdded = true;
                return;
            }
        }
        forbid("đối tượng " + name(key) + " bị thay đổi", "object " + name(key) + " was changed");
    }

    private void compareCatalog(COSDictionary before, COSDictionary now) throws IOException {
        for (COSName name : union(before, now)) {
            COSBase old = before.getItem(name);
            COSBase current = now.getItem(name);
            if (same(old, current)) {
                continue;
            }
            if (COSName.ACRO_FORM.equals(name)) {
                COSDictionary oldForm = dictionary(dereference(old));
                COSDictionary newForm = dictionary(dereference(current));
                if (newForm == null) {
                    forbid("biểu mẫu (/AcroForm) bị xóa", "the form (/AcroForm) was removed");
                } else {
                    compareForm(oldForm == null ? new COSDictionary() : oldForm, newForm);
                }
            } else if (DSS.equals(name) || EXTENSIONS.equals(name)) {
                validationDataAdded = true;
            } else if (COSName.METADATA.equals(name)) {
                metadataChanged = true;
            } else {
                forbid("mục /" + name.getName() + " của danh mục tài liệu bị thay đổi",
                        "the /" + name.getName() + " entry of the document catalog was changed");
            }
        }
    }

    private void compareForm(COSDictionary before, COSDictionary now) throws IOException {
        for (COSName name : union(before, now)) {
            COSBase old = before.getItem(name);
            COSBase current = now.getItem(name);
            if (same(old, current) || FORM_ALLOWED.contains(name)) {
                continue;
            }
            if (COSName.FIELDS.equals(name)) {
                compareFields(array(dereference(old)), array(dereference(current)));
            } else {
                forbid("mục /" + name.getName() + " của biểu mẫu bị thay đổi",
                        "the /" + name.getName() + " entry of the form was changed");
            }
        }
    }

    private void compareFields(COSArray before, COSArray now) {
        if (now == null) {
            forbid("danh sách trường của biểu mẫu bị xóa", "the list of form fields was removed");
            return;
        }
        for (COSBase added : added(before, now)) {
            COSDictionary field = dictionary(dereference(added));
            if (field == null || !isSignatureField(field)) {
                forbid("một trường biểu mẫu không phải chữ ký được thêm vào" + fieldName(field),
                        "a form field that is not a signature was added" + fieldName(field));
            }
        }
    }

    private void comparePage(int page, COSDictionary before, COSDictionary now) throws IOException {
        for (COSName name : union(before, now)) {
            COSBase old = before.getItem(name);
            COSBase current = now.getItem(name);
            if (same(old, current)) {
                continue;
            }
            if (COSName.ANNOTS.equals(name)) {
                compareAnnotations(page, array(dereference(old)), array(dereference(current)));
            } else {
                forbid("trang " + page + ": mục /" + name.getName() + " bị thay đổi",
                        "page " + page + ": the /" + name.getName() + " entry was changed");
            }
        }
    }

    private void compareAnnotations(int page, COSArray before, COSArray now) {
        if (now == null) {
            forbid("trang " + page + ": các chú thích bị xóa", "page " + page + ": the annotations were removed");
            return;
        }
        for (COSBase added : added(before, now)) {
            COSDictionary annotation = dictionary(dereference(added));
            boolean signatureWidget = annotation != null
                    && COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE)) && isSignatureField(annotation);
            if (!signatureWidget) {
                String subtype = annotation == null || annotation.getCOSName(COSName.SUBTYPE) == null ? "?"
                        : annotation.getCOSName(COSName.SUBTYPE).getName();
                forbid("trang " + page + ": thêm một chú thích /" + subtype + " (không phải chữ ký)",
                        "page " + page + ": an annotation /" + subtype + " (not a signature) was added");
            }
        }
    }

    private void compareSignatureField(COSObjectKey key, COSDictionary before, COSDictionary now)
            throws IOException {
        for (COSName name : union(before, now)) {
            COSBase old = before.getItem(name);
            COSBase current = now.getItem(name);
            if (same(old, current)) {
                continue;
            }
            boolean signingAnEmptyField = COSName.V.equals(name) && (old == null || old instanceof COSNull);
            if (!signingAnEmptyField && !COSName.AP.equals(name)) {
                forbid("trường chữ ký " + name(key) + ": mục /" + name.getName() + " bị thay đổi",
                        "signature field " + name(key) + ": the /" + name.getName() + " entry was changed");
            }
        }
    }

    /** A field of type /Sig, or a widget whose parent field is one. */
    private static boolean isSignatureField(COSDictionary dictionary) {
        COSDictionary current = dictionary;
        for (int i = 0; current != null && i < 10; i++) {
            COSName type = current.getCOSName(COSName.FT);
            if (type != null) {
                return COSName.SIG.equals(type);
            }
            current = dictionary(dereference(current.getItem(COSName.PARENT)));
        }
        return false;
    }

    private static List<COSBase> added(COSArray before, COSArray now) {
        List<COSBase> added = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            COSBase item = now.get(i);
            boolean present = false;
            for (int j = 0; before != null && j < before.size() && !present; j++) {
                present = sameShallow(before.get(j), item);
            }
            if (!present) {
                added.add(item);
            }
        }
        return added;
    }

    private static boolean sameShallow(COSBase a, COSBase b) {
        try {
            return same(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Structural equality; references are equal when they name the same object (they are not followed), streams
     * when their dictionaries and raw bytes are.
     */
    static boolean same(COSBase a, COSBase b) throws IOException {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return (a == null || a instanceof COSNull) && (b == null || b instanceof COSNull);
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            return a instanceof COSObject x && b instanceof COSObject y
                    && x.getObjectNumber() == y.getObjectNumber()
                    && x.getGenerationNumber() == y.getGenerationNumber();
        }
        if (a instanceof COSStream x) {
            return b instanceof COSStream y && sameEntries(x, y) && sameBytes(x, y);
        }
        if (a instanceof COSDictionary x) {
            return b instanceof COSDictionary y && !(b instanceof COSStream) && sameEntries(x, y);
        }
        if (a instanceof COSArray x) {
            if (!(b instanceof COSArray y) || x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString x) {
            return b instanceof COSString y && Arrays.equals(x.getBytes(), y.getBytes());
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    private static boolean sameEntries(COSDictionary x, COSDictionary y) throws IOException {
        if (!x.keySet().equals(y.keySet())) {
            return false;
        }
        for (COSName name : x.keySet()) {
            if (!same(x.getItem(name), y.getItem(name))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBytes(COSStream x, COSStream y) throws IOException {
        return Arrays.equals(digest(x), digest(y));
    }

    private static byte[] digest(COSStream stream) throws IOException {
        try (InputStream in = stream.createRawInputStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same offset in the file, or the same slot of the same (unchanged) object stream. */
    private boolean sameLocation(long before, long now) {
        if (before != now) {
            return false;
        }
        if (before >= 0) {
            return true;
        }
        COSObjectKey stream = new COSObjectKey(-before, 0);
        return Objects.equals(earlierXref.get(stream), latestXref.get(stream));
    }

    private static Set<COSName> union(COSDictionary a, COSDictionary b) {
        Set<COSName> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    private static COSBase resolve(COSDocument document, COSObjectKey key) {
        if (key == null) {
            return null;
        }
        COSObject object = document.getObjectFromPool(key);
        return object == null ? null : object.getObject();
    }

    private static COSBase dereference(COSBase base) {
        return base instanceof COSObject object ? object.getObject() : base;
    }

    private static COSObjectKey keyOf(COSBase base) {
        return base instanceof COSObject object
                ? new COSObjectKey(object.getObjectNumber(), object.getGenerationNumber()) : null;
    }

    private static COSDictionary dictionary(COSBase base) {
        return base instanceof COSDictionary dictionary ? dictionary : null;
    }

    private static COSArray array(COSBase base) {
        return base instanceof COSArray array ? array : null;
    }

    private static String name(COSObjectKey key) {
        return key.getNumber() + " " + key.getGeneration();
    }

    private static String describe(COSDictionary dictionary) {
        COSName type = dictionary.getCOSName(COSName.TYPE);
        if (type != null) {
            return " (/" + type.getName() + ")";
        }
        return dictionary instanceof COSStream ? " (stream)" : "";
    }

    private static String fieldName(COSDictionary field) {
        if (field == null) {
            return "";
        }
        String name = field.getString(COSName.T);
        return name == null ? "" : " (\"" + name + "\")";
    }

    private void forbid(String vi, String en) {
        if (forbidden.size() < MAX_REPORTED) {
            forbidden.add(new Note(vi, en));
        }
    }
}
