//! The interactive reader: state, actions, update, view and the event loop.
