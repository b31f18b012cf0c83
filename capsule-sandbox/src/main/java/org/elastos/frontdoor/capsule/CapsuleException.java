package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.WalletException;

/**
 * A capsule refused at load or stopped while running. Each case is its own type, and every message says what was
 * wrong and what the person or the publisher can do. The app keeps running whatever a capsule does.
 */
public abstract sealed class CapsuleException extends WalletException {
    CapsuleException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The manifest's signature is missing, forged, or made for another purpose. */
    public static final class SignatureRejected extends CapsuleException {
        SignatureRejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Signed by a publisher the user has not said they trust. */
    public static final class UntrustedPublisher extends CapsuleException {
        UntrustedPublisher(String message) {
            super(message, null);
        }
    }

    /** The module is not the one the publisher signed. */
    public static final class WasmMismatch extends CapsuleException {
        WasmMismatch(String message) {
            super(message, null);
        }
    }

    /** The module imports something that was not granted: refused before it is instantiated. */
    public static final class UngrantedImport extends CapsuleException {
        UngrantedImport(String message) {
            super(message, null);
        }
    }

    /** The bundle is malformed, or asks for more memory or time than this device allows. */
    public static final class BundleRejected extends CapsuleException {
        BundleRejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The capsule ran past its time budget and was stopped. */
    public static final class TimedOut extends CapsuleException {
        TimedOut(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The capsule tried to grow its memory past its cap and was stopped. */
    public static final class MemoryExceeded extends CapsuleException {
        MemoryExceeded(String message) {
            super(message, null);
        }
    }

    /** The capsule trapped (unreachable, out-of-bounds access, division by zero...) and was stopped. */
    public static final class Trapped extends CapsuleException {
        Trapped(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The capsule wrote more log output than a call may; it was stopped so it cannot drown the log. */
    public static final class LogFlooded extends CapsuleException {
        LogFlooded(String message) {
            super(message, null);
        }
    }

    /** A granted capability was called outside its grant (another folder, too much output...) and the capsule stopped. */
    public static final class CapabilityDenied extends CapsuleException {
        CapabilityDenied(String message) {
            super(message, null);
        }
    }

    /** The capsule gave a buffer outside its own memory, or claimed more output than the room it was given. */
    public static final class BufferRejected extends CapsuleException {
        BufferRejected(String message) {
            super(message, null);
        }
    }

    /** Input larger than the room a capsule may have; nothing was written to it and it keeps running. */
    public static final class InputTooLarge extends CapsuleException {
        InputTooLarge(String message) {
            super(message, null);
        }
    }

    /** The capsule looked at its input and refused it, with its own code; it keeps running. */
    public static final class InputRefused extends CapsuleException {
        private final int code;

        InputRefused(String message, int code) {
            super(message, null);
            this.code = code;
        }

        /** The capsule's reason, a negative number its documentation explains. */
        public int code() {
            return code;
        }
    }
}
