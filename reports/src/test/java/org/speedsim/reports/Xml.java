package org.speedsim.reports;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Parses XML offline: DOCTYPE declarations are read but no external DTD is fetched. */
final class Xml {

    private Xml() {
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(file.toFile());
    }
}
