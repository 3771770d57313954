package io.wsscan.analysis;

import io.wsscan.rules.RuleCatalog;
import io.wsscan.testing.RuleTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AMD (RequireJS) modules: dependencies bound to library models and to the modules of the scan. */
class AmdTest {

    private static JsAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new JsAnalyzer(RuleCatalog.builtin());
    }

    private static void check(String... pathsAndTexts) {
        RuleTester t = RuleTester.using(analyzer::analyzeTogether);
        for (int i = 0; i < pathsAndTexts.length; i += 2) t = t.file(pathsAndTexts[i], pathsAndTexts[i + 1]);
        t.check();
    }

    @Test
    void aLibraryDependencyIsItsModel() {
        check("feed.js", """
                define(['jquery'], function ($) {
                  new WebSocket('wss://feed.example-corp.net/').onmessage = function (m) {
                    // expect: js/ws-message-xss
                    $('#feed').html(m.data);
                    // safe: js/ws-message-xss
                    $('#feed').text(m.data);
                  };
                });
                """);
    }

    @Test
    void aModuleIsWhatItsFactoryReturnsOrWritesToExports() {
        check("app/render.js", """
                define('app/render', [], function () {
                  return { show: function (html) {
                    // expect: js/ws-message-xss "app/main.js line 2"
                    document.body.innerHTML = html;
                  } };
                });
                """, "app/toast.js", """
                define(['exports'], function (exports) {
                  exports.pop = function (html) {
                    // expect: js/ws-message-xss
                    document.getElementById('toast').innerHTML = html;
                  };
                });
                """, "app/main.js", """
                require(['./render', 'app/toast'], function (render, toast) {
                  new WebSocket('wss://chat.example-corp.net/').onmessage = function (e) { render.show(e.data); toast.pop(e.data); };
                });
                """);
    }

    @Test
    void configuredPathsNameModulesOfTheScan() {
        check("js/main.js", """
                require.config({ paths: { view: 'app/render-view' } });
                require(['view'], function (view) {
                  new WebSocket('wss://chat.example-corp.net/').onmessage = function (e) { view(e.data); };
                });
                """, "js/app/render-view.js", """
                define(function () {
                  return function (html) {
                    // expect: js/ws-message-xss
                    document.body.innerHTML = html;
                  };
                });
                """);
    }

    @Test
    void aLocalFunctionNamedDefineIsNoLoader() {
        check("local.js", """
                function define(deps, f) { return f('<b>static</b>'); }
                define(['jquery'], function ($) {
                  new WebSocket('wss://feed.example-corp.net/').onmessage = function (m) {
                    // safe: js/ws-message-xss
                    $('#feed').html(m.data);
                  };
                });
                """);
    }
}
