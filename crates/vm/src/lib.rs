//! The Ferropy virtual machine.
