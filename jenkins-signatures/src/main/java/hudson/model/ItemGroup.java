package hudson.model;

/**
 * Compile-only signature of the real {@code hudson.model.ItemGroup} (see the module README). Real:
 * {@code public interface ItemGroup<T extends Item> extends PersistenceRoot, ModelObject}; only the type is used
 * (as a parameter type of the credentials lookups, passed as null: Jenkins itself), so no members and no
 * supertypes are declared.
 */
public interface ItemGroup<T extends Item> {
}
