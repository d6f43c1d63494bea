package org.sanctuaryscorecard.backup;

/**
 * A backup that cannot be read or restored here, explained: the key of a message in {@code messages.properties}
 * ({@code backup.error.*}) with its arguments. Nothing was changed.
 */
public final class BackupRefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public BackupRefusedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
