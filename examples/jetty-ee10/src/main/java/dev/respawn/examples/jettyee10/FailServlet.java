package dev.respawn.examples.jettyee10;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Reserves the item asked for, which fails: the container answers 500. */
public class FailServlet extends HttpServlet {

    private final OrderService orders = new OrderService();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().print(orders.reserve(request.getParameter("item")));
    }
}
