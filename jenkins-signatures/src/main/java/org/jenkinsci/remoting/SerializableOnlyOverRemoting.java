package org.jenkinsci.remoting;

import java.io.Serializable;

/**
 * Compile-only signature of the real {@code org.jenkinsci.remoting.SerializableOnlyOverRemoting} (remoting, bundled
 * with Jenkins 2.479.3; see the module README). Its default method {@code getChannelForSerDes()} is left out.
 */
public interface SerializableOnlyOverRemoting extends Serializable {
}
