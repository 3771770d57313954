package org.example.board;

import org.eclipse.jetty.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;
import org.example.board.session.SessionHelper;

/** Creators that leave the Origin check to a helper of another class, given the whole request. */
public class HelperCheckedServlet extends JettyWebSocketServlet {

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        // safe: java/ws-missing-origin-check
        factory.setCreator((req, resp) -> SessionHelper.isSessionOriginValid(req) ? new BoardSocket() : null);
    }
}

/** The same shape with the loose helper. */
class LooseHelperServlet extends JettyWebSocketServlet {

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        // expect: java/ws-missing-origin-check@warning "SessionHelper.java line"
        factory.setCreator((req, resp) -> SessionHelper.looksLikeBoard(req) ? new BoardSocket() : null);
    }
}
