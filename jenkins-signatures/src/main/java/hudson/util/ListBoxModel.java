package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;

/**
 * Compile-only signature of the real {@code hudson.util.ListBoxModel} (see the module README). Real:
 * {@code @ExportedBean public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse};
 * {@code HttpResponse} left out (stapler 1.263's is the javax one), as for {@code DirectoryBrowserSupport}.
 */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    private static final long serialVersionUID = 1L;

    public static final class Option {
        @NonNull
        public String name;
        @NonNull
        public String value;
        public boolean selected;

        public Option(@NonNull String name, @NonNull String value) {
            throw new UnsupportedOperationException("signature only");
        }
    }

    public ListBoxModel() {
        throw new UnsupportedOperationException("signature only");
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("signature only");
    }
}
